package com.customerledger.command.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerKeysTest {

    @Test
    void namesDifferingOnlyInSpacesWidthAndLegalFormAreTheSame() {
        assertThat(CustomerKeys.normalizeName("潍坊 绿源养殖有限公司"))
                .isEqualTo(CustomerKeys.normalizeName("潍坊绿源养殖"))
                .isEqualTo(CustomerKeys.normalizeName("潍坊绿源养殖股份有限公司"))
                .isEqualTo(CustomerKeys.normalizeName("潍坊绿源养殖有限责任公司"));
        assertThat(CustomerKeys.normalizeName("ＡＢＣ饲料（潍坊）有限公司")).isEqualTo(CustomerKeys.normalizeName("abc饲料(潍坊)"));
    }

    @Test
    void cooperativeStaysATypeWord() {
        assertThat(CustomerKeys.normalizeName("张家养殖合作社")).isNotEqualTo(CustomerKeys.normalizeName("张家养殖"));
        assertThat(CustomerKeys.normalizeName("张家养殖合作社")).endsWith("合作社");
    }

    @Test
    void phonesCompareByDigitsWithoutMainlandCountryCode() {
        assertThat(CustomerKeys.normalizePhone("+86 138-0000-0001")).isEqualTo("13800000001");
        assertThat(CustomerKeys.normalizePhone("0086 13800000001")).isEqualTo("13800000001");
        assertThat(CustomerKeys.normalizePhone("0536-1234567")).isEqualTo("05361234567");
    }

    @Test
    void sameNameInAnotherCountyIsAnotherCustomer() {
        CustomerProfile shouguang = profile("绿源养殖场", new Region("山东省", "潍坊市", "寿光市"));
        CustomerProfile qingzhou = profile("绿源养殖场", new Region("山东省", "潍坊市", "青州市"));
        assertThat(CustomerKeys.of(shouguang)).doesNotContainAnyElementsOf(CustomerKeys.of(qingzhou));
    }

    @Test
    void creditCodeIsCaseAndSpaceInsensitive() {
        assertThat(CustomerKeys.normalizeCode(" 91370783ma3c5xxx0x ")).isEqualTo("91370783MA3C5XXX0X");
    }

    private static CustomerProfile profile(String name, Region region) {
        return new CustomerProfile(name, CustomerType.FARM, region, null, null, null, List.of(), null, List.of(),
                List.of(), List.of(), null);
    }
}
