package io.smarketing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import io.smallrye.jwt.build.Jwt;

/** Signed bearer tokens for tests, with the key pair {@link RealInfrastructure} made the service trust. */
public final class Tokens {

    /** The audience the services check ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "smarketing";

    static final String PRIVATE_KEY_PROPERTY = "smarketing.test.jwt.private-key";

    private Tokens() {
    }

    /** {@code "Bearer …"} for a user with one role (marketing, sales or executive). */
    public static String bearer(String role, String user) {
        return "Bearer " + Jwt.issuer("smarketing").audience(AUDIENCE).upn(user).groups(role).expiresIn(3600)
                .sign(privateKey());
    }

    /** A token as {@link #bearer} makes, without the {@code Bearer } prefix, with its own lifetime and audience. */
    public static String token(String role, String user, Duration lifetime, String audience) {
        return Jwt.issuer("smarketing").audience(audience).upn(user).groups(role).expiresIn(lifetime)
                .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of(System.getProperty(PRIVATE_KEY_PROPERTY)));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
