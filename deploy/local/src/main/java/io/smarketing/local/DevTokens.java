package io.smarketing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.smallrye.jwt.build.Jwt;

/**
 * Development signing keys and bearer tokens for the local platform (never for production).
 *
 * The key pair: {@code private.pem} (PKCS#8) and {@code public.pem} (X.509) in the state folder's {@code keys/}; the
 * services verify tokens with {@code public.pem} ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}). A token is an RS256 JWT:
 * {@code iss=smarketing}, {@code upn=sub=<user>}, {@code groups=[<role>]}.
 */
public final class DevTokens {

    static final String ISSUER = "smarketing";
    static final List<String> ROLES = List.of("marketing", "sales", "executive");
    static final String PRIVATE_KEY = "private.pem";
    static final String PUBLIC_KEY = "public.pem";

    private DevTokens() {
    }

    /**
     * A token for a user with one role, signed with the key pair of {@code keys} (made if missing).
     *
     * @throws IllegalArgumentException for an unknown role, a blank user or fewer than one hour
     */
    static String token(Path keys, String role, String user, long hours) throws IOException, GeneralSecurityException {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(String.format("unknown role '%s': use one of %s", role, String.join(", ", ROLES)));
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("the user must not be blank");
        }
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be at least 1");
        }
        ensureKeys(keys);
        return token(readPrivateKey(keys.resolve(PRIVATE_KEY)), role, user, Duration.ofHours(hours));
    }

    static String token(PrivateKey key, String role, String user, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience("smarketing")
                .upn(user)
                .subject(user)
                .groups(role)
                .expiresIn(lifetime)
                .sign(key);
    }

    /** Creates the key pair unless both files exist; a half pair (one file lost) is replaced. */
    static void ensureKeys(Path dir) throws IOException, GeneralSecurityException {
        Path privateKey = dir.resolve(PRIVATE_KEY);
        Path publicKey = dir.resolve(PUBLIC_KEY);
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // Public key last: a reader that sees it also finds the matching private key.
        writeAtomically(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        writeAtomically(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        System.err.println("DevTokens: created a development key pair in " + dir.toAbsolutePath());
    }

    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
