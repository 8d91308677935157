package com.customerledger.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link RejectedException} with a given code. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<RejectedException> rejectedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedException exception) {
                return exception.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code " + code);
            }
        };
    }

    /** Matches rejection details that state {@code fact} with {@code value}. */
    public static Matcher<Rejection> withFact(String fact, String value) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.facts().containsKey(fact) && java.util.Objects.equals(rejection.facts().get(fact), value);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection stating " + fact + "=" + value);
            }
        };
    }
}
