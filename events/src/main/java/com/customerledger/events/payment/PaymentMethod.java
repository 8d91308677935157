package com.customerledger.events.payment;

/** How a payment was received. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CASH,
    CHEQUE,
    WECHAT,
    ALIPAY,
    OTHER
}
