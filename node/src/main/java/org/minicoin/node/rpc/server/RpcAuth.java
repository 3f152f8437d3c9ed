package org.minicoin.node.rpc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.minicoin.node.store.AtomicFile;

/**
 * Who may call the RPC server, checked as Core's httprpc.cpp checks it: HTTP Basic credentials against a list of
 * {@code (user, salt, HMAC-SHA256(salt, password))} entries. The cookie's and {@code -rpcuser}'s plain passwords are
 * hashed with a random salt on start, so only hashes are kept in memory, and every comparison takes the same time
 * whatever the input, so that timing does not reveal how much of a guess was right.
 */
final class RpcAuth {
    /** Core's COOKIEAUTH_USER: the user name of cookie credentials. */
    static final String COOKIE_USER = "__cookie__";

    /** One {@code -rpcauth} entry: the HMAC-SHA256 of the password keyed with the salt, in lowercase hex. */
    record Entry(String user, String salt, String hmacHex) {
    }

    private final List<Entry> entries;
    /** The cookie file this server wrote, deleted at {@link #deleteCookie}; null if none. */
    private final Path cookieFile;

    private RpcAuth(List<Entry> entries, Path cookieFile) {
        this.entries = List.copyOf(entries);
        this.cookieFile = cookieFile;
    }

    /**
     * The credentials of {@code config}, as Core's InitRPCAuthentication: without a password, a new cookie file
     * ({@code __cookie__:<64 hex digits>}, mode 0600, written atomically); with one, {@code -rpcuser}'s; and in
     * both cases every {@code -rpcauth} entry.
     */
    static RpcAuth create(RpcServerConfig config) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path written = null;
        SecureRandom random = new SecureRandom();
        if (config.password().isEmpty()) {
            if (config.cookieFile() != null) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                String password = HexFormat.of().formatHex(secret);
                AtomicFile.write(config.cookieFile(), (COOKIE_USER + ":" + password).getBytes(StandardCharsets.UTF_8),
                        "rw-------");
                written = config.cookieFile();
                entries.add(hashed(COOKIE_USER, password, random));
            }
        } else {
            entries.add(hashed(config.user(), config.password(), random));
        }
        for (String e : config.rpcAuth()) {
            entries.add(parseEntry(e));
        }
        return new RpcAuth(entries, written);
    }

    /**
     * Reads {@code user:salt$hmac}.
     *
     * @throws IllegalArgumentException {@code Invalid -rpcauth argument.} as Core, when the shape is wrong
     */
    static Entry parseEntry(String rpcauth) {
        String[] fields = rpcauth.split(":", -1);
        String[] saltHmac = fields[fields.length - 1].split("\\$", -1);
        if (fields.length != 2 || saltHmac.length != 2) {
            throw new IllegalArgumentException("Invalid -rpcauth argument.");
        }
        return new Entry(fields[0], saltHmac[0], saltHmac[1]);
    }

    /** Whether an {@code Authorization} header value carries valid Basic credentials (Core's RPCAuthorized). */
    boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String userPass = new String(decoded, StandardCharsets.UTF_8);
        int colon = userPass.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] user = userPass.substring(0, colon).getBytes(StandardCharsets.UTF_8);
        String pass = userPass.substring(colon + 1);
        boolean ok = false;
        for (Entry e : entries) {
            // Every entry is checked in full so that the time taken does not say which user matched.
            boolean userMatches = MessageDigest.isEqual(e.user().getBytes(StandardCharsets.UTF_8), user);
            boolean passMatches = MessageDigest.isEqual(hmacHex(e.salt(), pass).getBytes(StandardCharsets.UTF_8),
                    e.hmacHex().getBytes(StandardCharsets.UTF_8));
            ok |= userMatches & passMatches;
        }
        return ok;
    }

    /** The cookie file this server wrote, or null. */
    Path cookieFile() {
        return cookieFile;
    }

    /** Deletes the cookie file this server wrote, as Core's DeleteAuthCookie at shutdown. */
    void deleteCookie() throws IOException {
        if (cookieFile != null) {
            Files.deleteIfExists(cookieFile);
        }
    }

    /** HMAC-SHA256 keyed with the salt's characters over the password's, in lowercase hex (share/rpcauth). */
    static String hmacHex(String salt, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = salt.getBytes(StandardCharsets.UTF_8);
            // The JDK refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Entry hashed(String user, String password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new Entry(user, saltHex, hmacHex(saltHex, password));
    }
}
