package org.rxradar.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rxradar.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed per-subscriber unsubscribe tokens: {@code base64url(subscriber id) "." base64url(HMAC-SHA256)}.
 * A token names its subscriber and cannot be forged without the secret; verification compares
 * in constant time. Tokens do not expire: an unsubscribe link in an old email must keep working.
 */
public final class UnsubscribeTokens {
    private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Binds the MAC to this use, so the same secret could sign other things without confusion. */
    private static final String PURPOSE = "rxradar-unsubscribe-v1\n";
    /** The preferences link: its own purpose, so an unsubscribe token never opens the preferences page nor the reverse. */
    private static final String PREFERENCES = "rxradar-preferences-v1\n";
    static final String DEVELOPMENT_SECRET = "rxradar-development-secret-not-for-production";
    static final int MIN_SECRET_LENGTH = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final boolean developmentDefault;

    private UnsubscribeTokens(String secret, boolean developmentDefault) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.developmentDefault = developmentDefault;
    }

    /** Tokens signed with {@code secret}, which must be at least {@value #MIN_SECRET_LENGTH} characters. */
    public static UnsubscribeTokens withSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH)
            throw new ConfigException("digest.secret", "must be at least " + MIN_SECRET_LENGTH + " characters");
        return new UnsubscribeTokens(secret, false);
    }

    private static final AtomicBoolean DEVELOPMENT_SECRET_WARNED = new AtomicBoolean();

    /**
     * Tokens from the configured secret ({@code digest.secret}, environment {@code RXRADAR_DIGEST_SECRET}).
     * Without one, production mode is a configuration error; otherwise a fixed development secret is
     * used, with a warning, and {@link #usesDevelopmentDefault()} says so.
     */
    public static UnsubscribeTokens fromConfig(String secret, boolean production) {
        if (secret == null || secret.isBlank()) {
            if (production)
                throw new ConfigException("digest.secret", "must be set in production mode (set RXRADAR_DIGEST_SECRET "
                        + "to a random string of at least " + MIN_SECRET_LENGTH + " characters); unsubscribe links are signed with it");
            // said once per process: the pipeline makes tokens for the web routes, the digests and the alerts
            if (DEVELOPMENT_SECRET_WARNED.compareAndSet(false, true))
                log.warn("digest.secret is not set: unsubscribe links are signed with a development secret; set RXRADAR_DIGEST_SECRET before production");
            return new UnsubscribeTokens(DEVELOPMENT_SECRET, true);
        }
        return withSecret(secret);
    }

    /**
     * The secret in use for {@code configured} (the development one when none is set): what signs
     * webhook bodies too, so receivers verify them with the same {@code digest.secret}.
     */
    public static String secretFor(String configured) {
        return configured == null || configured.isBlank() ? DEVELOPMENT_SECRET : configured;
    }

    /** True when the secret is the built-in development one (links can be forged by anyone who reads the code). */
    public boolean usesDevelopmentDefault() {
        return developmentDefault;
    }

    public String tokenFor(String subscriberId) {
        return sign(PURPOSE, subscriberId);
    }

    /** The subscriber id the token was signed for, or empty when the token is malformed or forged. */
    public Optional<String> verify(String token) {
        return check(PURPOSE, token);
    }

    /**
     * The token of a subscriber's preferences link. Like the unsubscribe token it does not expire
     * (the link in any digest keeps working) and names no email address.
     */
    public String preferencesTokenFor(String subscriberId) {
        return sign(PREFERENCES, subscriberId);
    }

    /** The subscriber id of a preferences token, or empty when it is malformed, forged or of another purpose. */
    public Optional<String> verifyPreferences(String token) {
        return check(PREFERENCES, token);
    }

    private String sign(String purpose, String subscriberId) {
        if (subscriberId == null || subscriberId.isBlank()) throw new IllegalArgumentException("subscriber id is missing");
        byte[] id = subscriberId.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(id) + "." + B64.encodeToString(mac(purpose, id));
    }

    private Optional<String> check(String purpose, String token) {
        if (token == null || token.length() > 1024) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) return Optional.empty();
        byte[] id;
        byte[] given;
        try {
            id = B64D.decode(token.substring(0, dot));
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(purpose, id), given)) return Optional.empty();
        return Optional.of(new String(id, StandardCharsets.UTF_8));
    }

    private byte[] mac(String purpose, byte[] id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
