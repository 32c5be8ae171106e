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
 * <pre>
 * DevTokens keys  &lt;dir&gt;                          creates dir/private.pem (PKCS#8) and dir/public.pem (X.509) if missing
 * DevTokens token &lt;dir&gt; &lt;role&gt; &lt;user&gt; [hours]   prints an RS256 JWT: iss=smarketing, upn=user, groups=[role]
 * </pre>
 *
 * The services verify tokens with {@code dir/public.pem} ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}). Only the token
 * goes to stdout.
 */
public final class DevTokens {

    static final String ISSUER = "smarketing";
    static final List<String> ROLES = List.of("marketing", "sales", "executive");
    static final String PRIVATE_KEY = "private.pem";
    static final String PUBLIC_KEY = "public.pem";

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("keys")) {
                ensureKeys(Path.of(args[1]));
                return 0;
            }
            if ((args.length == 4 || args.length == 5) && args[0].equals("token")) {
                String role = args[2];
                if (!ROLES.contains(role)) {
                    System.err.printf("unknown role '%s': use one of %s%n", role, String.join(", ", ROLES));
                    return 2;
                }
                String user = args[3];
                if (user.isBlank()) {
                    System.err.println("the user must not be blank");
                    return 2;
                }
                long hours = args.length == 5 ? Long.parseLong(args[4]) : 8;
                if (hours < 1) {
                    System.err.println("hours must be at least 1");
                    return 2;
                }
                Path dir = Path.of(args[1]);
                ensureKeys(dir);
                System.out.println(token(readPrivateKey(dir.resolve(PRIVATE_KEY)), role, user, Duration.ofHours(hours)));
                return 0;
            }
        } catch (NumberFormatException e) {
            System.err.println("hours must be a whole number: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("DevTokens: " + e);
            return 1;
        }
        System.err.println("usage: DevTokens keys <dir>");
        System.err.println("       DevTokens token <dir> <marketing|sales|executive> <user> [hours]");
        return 2;
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
