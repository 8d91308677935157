package com.customerledger.api.web;

import com.customerledger.query.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=&size=} of every list: page 0 to 1,000,000, size 1 to 200 (default 50). The bound on
 * the page keeps the offset within what every store takes (a larger one wrapped around to page 0).
 */
record PageParams(@Min(0) @Max(MAX_PAGE) Integer page, @Min(1) @Max(200) Integer size) {

    static final int MAX_PAGE = 1_000_000;

    PageRequest toRequest() {
        return new PageRequest(page == null ? 0 : page, size == null ? 50 : size);
    }
}
