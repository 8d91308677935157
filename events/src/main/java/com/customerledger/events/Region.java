package com.customerledger.events;

/**
 * An administrative region: province, and optionally city (prefecture) and county (district).
 * A region with only a province covers the whole province.
 */
public record Region(String province, String city, String county) {

    /** Whether this region contains {@code other}: same province and, where this one names them, same city and county. */
    public boolean covers(Region other) {
        if (other == null || !province.equals(other.province)) {
            return false;
        }
        if (city != null && !city.equals(other.city)) {
            return false;
        }
        return county == null || county.equals(other.county);
    }

    /** "province/city/county", omitting what is not set. */
    public String path() {
        StringBuilder path = new StringBuilder(province);
        if (city != null) {
            path.append('/').append(city);
            if (county != null) {
                path.append('/').append(county);
            }
        }
        return path.toString();
    }
}
