package dev.eventshop.platform.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One data key per person (a Tink AES-256-GCM keyset), kept in {@code personal_data_key} sealed by the master key.
 * Erasure destroys the keyset and leaves a tombstone with the person's id and when: from then on that person's
 * data reads as null, whatever was stored before.
 *
 * <p>Unsealed keys are cached, but only once the transaction that wrote or read them has committed: a key made in
 * a registration that rolls back must not outlive it.
 */
final class DataKeys {

    /** What the store says of a person's key. */
    record Entry(String keyId, Aead aead, boolean erased) {
    }

    private static final byte[] PROBE = "eventshop master key".getBytes(StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final Aead master;
    private final Cache<String, Entry> cache;
    /**
     * Counts the keys forgotten: a key read from the store is cached only if none was forgotten meanwhile, so that a
     * key read just before another node erased its person is not cached after the notice that dropped it.
     */
    private final AtomicLong forgotten = new AtomicLong();

    DataKeys(JdbcTemplate jdbc, Aead master, int cachedKeys) {
        this.jdbc = jdbc;
        this.master = master;
        this.cache = Caffeine.newBuilder().maximumSize(cachedKeys).build();
        checkMasterKey();
    }

    /** The person's key, made now if they have none; empty once they are erased. */
    Optional<Entry> toWrite(String subject) {
        Optional<Entry> known = toRead(subject);
        if (known.isPresent()) {
            return known.filter(entry -> !entry.erased());
        }
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            jdbc.update("""
                    insert into personal_data_key (key_id, subject_id, keyset) values (?, ?, ?)
                    on conflict (subject_id) do nothing""", UUID.randomUUID(), subject,
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, bytes(subject)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a data key", e);
        }
        return toRead(subject).filter(entry -> !entry.erased()); // ours, or one a concurrent writer made first
    }

    /** The person's key as the store has it: empty when they never had one. */
    Optional<Entry> toRead(String subject) {
        Entry cached = cache.getIfPresent(subject);
        if (cached != null) {
            return Optional.of(cached);
        }
        long epoch = forgotten.get();
        List<Entry> found = jdbc.query("select key_id, keyset from personal_data_key where subject_id = ?",
                (row, i) -> new Entry(row.getString(1), unseal(row.getBytes(2), subject), row.getBytes(2) == null),
                subject);
        found.stream().findFirst().ifPresent(entry -> cacheOnceCommitted(subject, entry, epoch));
        return found.stream().findFirst();
    }

    /** Destroys the person's key, in the caller's transaction; true when it was there to destroy. */
    boolean destroy(String subject) {
        int destroyed = jdbc.update("""
                update personal_data_key set keyset = null, erased_at = now()
                where subject_id = ? and keyset is not null""", subject);
        if (destroyed == 0 && toRead(subject).isEmpty()) {
            // a person registered before data keys: the tombstone alone erases what their events hold in clear
            jdbc.update("""
                    insert into personal_data_key (key_id, subject_id, keyset, erased_at) values (?, ?, null, now())
                    on conflict (subject_id) do nothing""", UUID.randomUUID(), subject);
            destroyed = 1;
        }
        forget(subject);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(subject);
                }
            });
        }
        return destroyed > 0;
    }

    /** Drops what this node remembers of the person's key (another node may have erased them). */
    void forget(String subject) {
        forgotten.incrementAndGet();
        cache.invalidate(subject);
    }

    /** Drops every key this node remembers. */
    void forgetAll() {
        forgotten.incrementAndGet();
        cache.invalidateAll();
    }

    private Aead unseal(byte[] sealed, String subject) {
        if (sealed == null) {
            return null;
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(sealed, master, bytes(subject))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + subject + " does not open with the master key", e);
        }
    }

    private void cacheOnceCommitted(String subject, Entry entry, long epoch) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cacheUnlessForgotten(subject, entry, epoch);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cacheUnlessForgotten(subject, entry, epoch);
            }
        });
    }

    /** Put first, then look: a forget that ran in between either shows in the count or removes the entry itself. */
    private void cacheUnlessForgotten(String subject, Entry entry, long epoch) {
        cache.put(subject, entry);
        if (forgotten.get() != epoch) {
            cache.invalidate(subject);
        }
    }

    /**
     * The first start seals a probe with the master key; every later start opens it. A wrong or lost master key
     * stops the start here, with a message, instead of failing reads one by one later.
     */
    private void checkMasterKey() {
        List<byte[]> probes = jdbc.query("select probe from personal_data_master_check where id = 1",
                (row, i) -> row.getBytes(1));
        try {
            if (probes.isEmpty()) {
                jdbc.update("insert into personal_data_master_check (id, probe) values (1, ?) on conflict do nothing",
                        (Object) master.encrypt(PROBE, PROBE));
                return;
            }
            master.decrypt(probes.get(0), PROBE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key (EVENTSHOP_MASTER_KEY, or the generated key file) is not "
                    + "the one this database's personal data keys are sealed with. Start with the right key: without "
                    + "it no personal data can be read", e);
        }
    }

    private static byte[] bytes(String subject) {
        return subject.getBytes(StandardCharsets.UTF_8);
    }
}
