package com.customerledger.query.pricing;

import com.customerledger.events.pricing.PolicyPrice;
import com.customerledger.events.pricing.PricingPolicySetEvent;
import com.customerledger.events.pricing.PricingRule;
import com.customerledger.events.pricing.ProductAddedEvent;
import com.customerledger.events.pricing.ProductUnit;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The product catalogue and the pricing policy in force, and the policy price of a product for a customer. Part of
 * the policies projection: the catalogue and the prices are settings the company makes, like its other policies.
 */
@Component
@ProcessingGroup(Projections.POLICIES)
public class PricingProjection {

    private static final String POLICY = "pricing";

    @Document("products")
    static class ProductDocument extends SequencedDocument {
        String name;
        @Indexed
        String productLine;
        ProductUnit unit;
        BigDecimal listPrice;
        String addedBy;

        ProductView toView() {
            return new ProductView(id, name, productLine, unit, listPrice, addedBy, updatedAt());
        }
    }

    @Document("pricing_policy")
    static class PolicyDocument extends SequencedDocument {
        int version;
        List<PricingRule> rules;
        String setBy;
    }

    private final MongoTemplate mongo;

    public PricingProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProductAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ProductDocument.class, event.productId(), sequence, recordedAt, ProductDocument::new,
                document -> {
                    document.name = event.name();
                    document.productLine = event.productLine();
                    document.unit = event.unit();
                    document.listPrice = event.listPrice();
                    document.addedBy = event.addedBy();
                });
    }

    @EventHandler
    void on(PricingPolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PolicyDocument.class, POLICY, sequence, recordedAt, PolicyDocument::new, document -> {
            document.version = event.version();
            document.rules = event.rules();
            document.setBy = event.setBy();
        });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, ProductDocument.class, PolicyDocument.class);
    }

    @QueryHandler
    ProductPage handle(ListProductsQuery query) {
        Query products = query.productLine() == null ? new Query().withHint("_id_")
                : Query.query(Criteria.where("productLine").is(query.productLine()));
        long total = mongo.count(products, ProductDocument.class);
        products.with(Sort.by("_id")).skip(query.page().offset()).limit(query.page().size());
        List<ProductView> items = mongo.find(products, ProductDocument.class).stream().map(ProductDocument::toView).toList();
        return new ProductPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    Optional<ProductView> handle(FindProductQuery query) {
        return Optional.ofNullable(mongo.findById(query.productId(), ProductDocument.class)).map(ProductDocument::toView);
    }

    @QueryHandler
    PricingPolicyView handle(FindPricingPolicyQuery query) {
        PolicyDocument document = mongo.findById(POLICY, PolicyDocument.class);
        return document == null ? new PricingPolicyView(0, List.of(), null, null)
                : new PricingPolicyView(document.version, document.rules, document.setBy, document.updatedAt());
    }

    /** Empty for an unknown product. */
    @QueryHandler
    Optional<PolicyPrice> handle(FindPriceQuery query) {
        ProductDocument product = mongo.findById(query.productId(), ProductDocument.class);
        if (product == null) {
            return Optional.empty();
        }
        PricingPolicyView policy = handle(new FindPricingPolicyQuery());
        return Optional.of(PolicyPrice.of(policy.version(), policy.rules(), product.id(), product.productLine,
                product.listPrice, query.customerType(), query.grade(), query.region()));
    }
}
