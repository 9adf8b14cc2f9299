package dev.eventshop.platform.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import dev.eventshop.platform.secrets.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The master key as a Tink AES-256-GCM primitive: configured (Base64 of 32 bytes, as {@code openssl rand -base64
 * 32} prints it), or generated on the first start and kept in a file only the service's user can read. It only
 * ever seals and unseals data keys.
 */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;

    private MasterKey() {
    }

    static Aead of(PrivacyProperties properties) {
        String configured = properties.masterKey();
        if (configured != null && !configured.isBlank()) {
            return aead(decode(configured.strip(), "EVENTSHOP_MASTER_KEY"));
        }
        if (properties.masterKeyFile() == null) {
            throw new IllegalStateException("Set EVENTSHOP_MASTER_KEY, or eventshop.privacy.master-key-file");
        }
        SecretFile kept = SecretFile.readOrGenerate(properties.masterKeyFile(), KEY_BYTES);
        if (kept.generated()) {
            log.warn("EVENTSHOP_MASTER_KEY is not set: a generated master key is in {} (readable by this user only)."
                    + " Back it up with the database: without it no personal data can be read", kept.file());
        } else {
            log.info("EVENTSHOP_MASTER_KEY is not set: the master key is the one kept in {}", kept.file());
        }
        return aead(decode(kept.value(), kept.file().toString()));
    }

    static Aead aead(byte[] key) {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey master = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(master).withRandomId().makePrimary())
                    .build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not use the master key", e);
        }
    }

    private static byte[] decode(String encoded, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not Base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The master key in " + source + " has " + key.length + " bytes; it needs "
                    + KEY_BYTES + " (openssl rand -base64 32)");
        }
        return key;
    }
}
