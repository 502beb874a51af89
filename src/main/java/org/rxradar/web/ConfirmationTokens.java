package org.rxradar.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rxradar.config.ConfigException;

/**
 * Signed, expiring links that confirm a subscription:
 * {@code base64url(subscriber id) "." expiry (epoch seconds) "." base64url(HMAC-SHA256)}.
 * Signed with the same secret as the unsubscribe links ({@code digest.secret}) but a different
 * purpose string, so an unsubscribe token can never pass as a confirmation and the other way round.
 * The MAC is compared in constant time.
 */
public final class ConfirmationTokens {
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(48);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PURPOSE = "rxradar-confirm-v1\n";
    /** The same fallback as the unsubscribe links when {@code digest.secret} is empty (development only). */
    static final String DEVELOPMENT_SECRET = "rxradar-development-secret-not-for-production";
    private static final int MIN_SECRET_LENGTH = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a presented token turned out to be. */
    public sealed interface Check {
        record Valid(String subscriberId) implements Check {}

        record Expired(String subscriberId) implements Check {}

        record Invalid() implements Check {}
    }

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    public ConfirmationTokens(String secret, Duration validity, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH)
            throw new ConfigException("digest.secret", "must be at least " + MIN_SECRET_LENGTH + " characters");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * From {@code digest.secret}; an empty secret falls back to the development one (the digest side
     * refuses that in production and logs the warning).
     */
    public static ConfirmationTokens fromConfig(String secret, Clock clock) {
        return new ConfirmationTokens(secret == null || secret.isBlank() ? DEVELOPMENT_SECRET : secret, DEFAULT_VALIDITY, clock);
    }

    public String tokenFor(String subscriberId) {
        if (subscriberId == null || subscriberId.isBlank()) throw new IllegalArgumentException("subscriber id is missing");
        long expires = clock.instant().plus(validity).getEpochSecond();
        String head = B64.encodeToString(subscriberId.getBytes(StandardCharsets.UTF_8)) + "." + expires;
        return head + "." + B64.encodeToString(mac(head));
    }

    public Check check(String token) {
        if (token == null || token.length() > 1024) return new Check.Invalid();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return new Check.Invalid();
        String head = parts[0] + "." + parts[1];
        byte[] given;
        String id;
        long expires;
        try {
            given = B64D.decode(parts[2]);
            id = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
            expires = Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            return new Check.Invalid();
        }
        if (!MessageDigest.isEqual(mac(head), given)) return new Check.Invalid();
        if (clock.instant().isAfter(Instant.ofEpochSecond(expires))) return new Check.Expired(id);
        return new Check.Valid(id);
    }

    private byte[] mac(String head) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(PURPOSE.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(head.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
