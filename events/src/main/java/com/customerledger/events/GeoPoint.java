package com.customerledger.events;

/** Where a visit took place, in WGS-84 degrees. */
public record GeoPoint(double lat, double lon) {
}
