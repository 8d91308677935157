package com.customerledger.api.web;

import com.customerledger.query.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code ?page=&size=} of every list: page from 0, size 1 to 200 (default 50). */
record PageParams(@Min(0) Integer page, @Min(1) @Max(200) Integer size) {

    PageRequest toRequest() {
        return new PageRequest(page == null ? 0 : page, size == null ? 50 : size);
    }
}
