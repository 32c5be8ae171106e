package io.smarketing.chassis.security;

/** The roles of DESIGN.md §5, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";
    public static final String EXECUTIVE = "executive";

    private Roles() {
    }
}
