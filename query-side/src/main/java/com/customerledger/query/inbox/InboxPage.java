package com.customerledger.query.inbox;

import java.util.List;

/** One page of an inbox: open items first, the soonest due first, then the newest. */
public record InboxPage(List<InboxItemView> items, int page, int size, long total) {
}
