package com.customerledger.api.web;

/** The groups of the OpenAPI document, named for what a client works with, not for the classes that serve them. */
public final class ApiTags {

    public static final String REPS = "Sales reps";
    public static final String CUSTOMERS = "Customers";
    public static final String OWNERSHIP = "Ownership";
    public static final String ACTIVITY = "Visits and deals";
    public static final String OPPORTUNITIES = "Opportunities and funnel";
    public static final String TRANSFERS = "Departures and bulk transfers";
    public static final String POOL = "Public pool";
    public static final String PRODUCTS = "Products and prices";
    public static final String CREDIT = "Credit";
    public static final String ORDERS = "Orders";
    public static final String TARGETS = "Targets and rebates";
    public static final String POLICIES = "Policies";
    public static final String ANALYTICS = "Dashboards";
    public static final String AUDIT = "Audit";
    public static final String OPERATIONS = "Operations";
    public static final String IMPORTS = "Import and export";
    public static final String WEBHOOKS = "Webhooks";
    public static final String INBOX = "Inbox";
    public static final String SERVICE = "Service and knowledge";

    private ApiTags() {
    }
}
