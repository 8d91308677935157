package com.customerledger.command.assignment;

import com.customerledger.events.AssignmentRule;
import java.util.List;

/** What would change if {@code draft} were the assignment policy; lists at most {@code limit} customers of each kind. */
public record PreviewAssignmentQuery(List<AssignmentRule> draft, int limit) {
}
