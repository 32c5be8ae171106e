package io.smarketing.chassis.security;

/** The three roles (marketing, sales, executive; the root README has what each may do), as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";
    public static final String EXECUTIVE = "executive";

    private Roles() {
    }
}
