package com.customerledger.query.policy;

/** The reminder policy in force. */
public record FindReminderPolicyQuery() {
}
