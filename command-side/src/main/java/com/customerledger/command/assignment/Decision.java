package com.customerledger.command.assignment;

/**
 * What the assignment rules decided for a new customer: an owner with the rule and policy version
 * that chose them, or no owner with the reason why (the customer stays in the pool).
 */
public record Decision(String repId, String ruleId, Integer policyVersion, String unassignedReason) {

    static Decision assigned(String repId, String ruleId, Integer policyVersion) {
        return new Decision(repId, ruleId, policyVersion, null);
    }

    static Decision unassigned(String reason, String ruleId, Integer policyVersion) {
        return new Decision(null, ruleId, policyVersion, reason);
    }

    public boolean isAssigned() {
        return repId != null;
    }
}
