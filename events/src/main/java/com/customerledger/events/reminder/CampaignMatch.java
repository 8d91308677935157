package com.customerledger.events.reminder;

import com.customerledger.events.Region;
import java.util.List;

/**
 * Which customers a campaign reaches: those in {@code region} (a province, or a city or county in it; null: any),
 * growing any of {@code crops} and keeping any of {@code species} (an empty list: no condition).
 */
public record CampaignMatch(Region region, List<String> crops, List<String> species) {

    public CampaignMatch {
        crops = crops == null ? List.of() : List.copyOf(crops);
        species = species == null ? List.of() : List.copyOf(species);
    }

    /** Whether a customer of this region, crops and species is reached. */
    public boolean matches(Region customerRegion, List<String> customerCrops, List<String> customerSpecies) {
        if (region != null && !region.covers(customerRegion)) {
            return false;
        }
        if (!crops.isEmpty() && (customerCrops == null || customerCrops.stream().noneMatch(crops::contains))) {
            return false;
        }
        return species.isEmpty() || (customerSpecies != null && customerSpecies.stream().anyMatch(species::contains));
    }
}
