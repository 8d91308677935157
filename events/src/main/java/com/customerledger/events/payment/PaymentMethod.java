package com.customerledger.events.payment;

/** How a payment was received. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CASH,
    CHEQUE,
    WECHAT,
    ALIPAY,
    OTHER,
    /** A rebate credited by its settlement; never recorded as a payment by a client. */
    REBATE
}
