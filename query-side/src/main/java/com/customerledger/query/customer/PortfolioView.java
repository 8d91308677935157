package com.customerledger.query.customer;


/** A rep's book: owned customers and customers they collaborate on. */
public record PortfolioView(String repId, CustomerPage owned, CustomerPage collaborating) {
}
