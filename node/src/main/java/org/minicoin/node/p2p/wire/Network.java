package org.minicoin.node.p2p.wire;

/**
 * The address networks of BIP-0155 that Core reads, with their network id and address length. TORv2 (id 3) is
 * absent on purpose: Core no longer supports it and skips such entries like an unknown network.
 */
public enum Network {
    IPV4(1, 4),
    IPV6(2, 16),
    TORV3(4, 32),
    I2P(5, 32),
    CJDNS(6, 16);

    private final int bip155Id;
    private final int addressLength;

    Network(int bip155Id, int addressLength) {
        this.bip155Id = bip155Id;
        this.addressLength = addressLength;
    }

    /** The network id byte of an addrv2 entry. */
    public int bip155Id() {
        return bip155Id;
    }

    /** The length an address of this network must have. */
    public int addressLength() {
        return addressLength;
    }

    /** The network with this BIP-0155 id, or null for an id Core does not know (or no longer supports). */
    public static Network byBip155Id(int id) {
        for (Network n : values()) {
            if (n.bip155Id == id) {
                return n;
            }
        }
        return null;
    }
}
