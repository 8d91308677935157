package com.customerledger.command.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A SHA-256 digest of a record's fields, so the aggregate can tell a true repeat of a client-chosen
 * id (same body) from a reuse of it with another body without keeping the body. Each field is
 * length-prefixed, so no two different field lists share an encoding.
 */
final class BodyDigest {

    private BodyDigest() {
    }

    static String of(Object... fields) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Object field : fields) {
            if (field == null) {
                sha256.update("-1:".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            byte[] text = field.toString().getBytes(StandardCharsets.UTF_8);
            sha256.update((text.length + ":").getBytes(StandardCharsets.UTF_8));
            sha256.update(text);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(sha256.digest());
    }
}
