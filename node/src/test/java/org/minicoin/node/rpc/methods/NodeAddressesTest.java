package org.minicoin.node.rpc.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.p2p.addr.AddressManager;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.addr.Subnet;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.minicoin.node.rpc.json.CoreJson;
import org.minicoin.node.rpc.server.RpcException;
import org.minicoin.node.store.RocksStore;

class NodeAddressesTest {
    private static final long NOW = 1_800_000_000L;

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(NOW);
    private RocksStore store;
    private AddressManager addrman;
    private BanList bans;

    @BeforeEach
    void open() throws UnknownHostException {
        store = RocksStore.open(dir.resolve("db"), 1 << 20);
        addrman = AddressManager.open(store, now::get, new SplittableRandom(5));
        bans = BanList.open(store, now::get);
        NetAddress source = NetAddress.ip(0, 0, InetAddress.getByName("45.0.0.1"), 0);
        addrman.add(List.of(
                NetAddress.ip(NOW - 100, 9, InetAddress.getByName("8.8.8.8"), 8333),
                NetAddress.ip(NOW - 200, 1033, InetAddress.getByName("2001:4860:4860::8888"), 18444),
                new NetAddress(NOW - 300, 9, Network.TORV3, new byte[32], 8333)), source);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> texts(ArrayNode a) {
        List<String> list = new ArrayList<>();
        a.forEach(n -> list.add(CoreJson.write(n)));
        return list;
    }

    @Test
    void eachAddressHasCoresFieldsInCoresOrder() {
        ArrayNode all = NodeAddresses.getnodeaddresses(addrman, bans, 0, null);
        assertThat(texts(all)).containsExactlyInAnyOrder(
                "{\"time\":1799999900,\"services\":9,\"address\":\"8.8.8.8\",\"port\":8333,\"network\":\"ipv4\"}",
                "{\"time\":1799999800,\"services\":1033,\"address\":\"2001:4860:4860::8888\",\"port\":18444,"
                        + "\"network\":\"ipv6\"}",
                "{\"time\":1799999700,\"services\":9,\"address\":"
                        + "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaam2dqd.onion\",\"port\":8333,"
                        + "\"network\":\"onion\"}");
    }

    @Test
    void countLimitsTheSampleAndDefaultsToOne() {
        assertThat(NodeAddresses.getnodeaddresses(addrman, bans, null, null)).hasSize(1);
        assertThat(NodeAddresses.getnodeaddresses(addrman, bans, 2, null)).hasSize(2);
        assertThat(NodeAddresses.getnodeaddresses(addrman, bans, 10, null)).hasSize(3);
    }

    @Test
    void networkFiltersBeforeCounting() {
        ArrayNode v6 = NodeAddresses.getnodeaddresses(addrman, bans, 1, "IPv6");
        assertThat(v6).hasSize(1);
        assertThat(v6.get(0).get("address").asText()).isEqualTo("2001:4860:4860::8888");
        assertThat(NodeAddresses.getnodeaddresses(addrman, bans, 0, "i2p")).isEmpty();
    }

    @Test
    void bannedAndDiscouragedAddressesAreLeftOut() throws UnknownHostException {
        bans.ban(Subnet.parse("8.8.0.0/16"), 3600, false);
        bans.discourage(InetAddress.getByName("2001:4860:4860::8888"));
        ArrayNode all = NodeAddresses.getnodeaddresses(addrman, bans, 0, null);
        assertThat(all).extracting(n -> n.get("network").asText()).containsExactly("onion");
    }

    @Test
    void aNegativeCountOrUnknownNetworkIsInvalidParameter() {
        assertThatThrownBy(() -> NodeAddresses.getnodeaddresses(addrman, bans, -1, null))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-8);
                    assertThat(e.getMessage()).isEqualTo("Address count out of range");
                });
        assertThatThrownBy(() -> NodeAddresses.getnodeaddresses(addrman, bans, 1, "tor"))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-8);
                    assertThat(e.getMessage()).isEqualTo("Network not recognized: tor");
                });
    }

    @Test
    void resultsAreJsonNumbersAndStrings() {
        JsonNode first = NodeAddresses.getnodeaddresses(addrman, bans, 1, "ipv4").get(0);
        assertThat(first.get("time").isIntegralNumber()).isTrue();
        assertThat(first.get("services").isIntegralNumber()).isTrue();
        assertThat(first.get("port").isIntegralNumber()).isTrue();
        assertThat(first.get("address").isTextual()).isTrue();
    }
}
