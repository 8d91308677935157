package com.customerledger.query.policy;

import java.util.List;

/** Every published version of the assignment rules, oldest first. */
public record AssignmentPolicyVersions(List<AssignmentPolicyView> versions) {
}
