package org.minicoin.devnet.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyTest {
    @Test
    void shapesGiveTheirLinks() {
        assertThat(Topology.LINE.links(4)).containsExactly(new Link(1, 0), new Link(2, 1), new Link(3, 2));
        assertThat(Topology.RING.links(4)).containsExactly(new Link(1, 0), new Link(2, 1), new Link(3, 2),
                new Link(3, 0));
        assertThat(Topology.RING.links(2)).containsExactly(new Link(1, 0)); // no double link between two nodes
        assertThat(Topology.MESH.links(3)).containsExactly(new Link(1, 0), new Link(2, 0), new Link(2, 1));
        assertThat(Topology.MESH.links(5)).hasSize(10);
        assertThat(Topology.MESH.links(1)).isEmpty();
        assertThat(Topology.parse("Ring")).isEqualTo(Topology.RING);
        assertThatThrownBy(() -> Topology.parse("star")).hasMessageContaining("line, ring or mesh");
    }

    @Test
    void aPartitionCutsExactlyTheLinksBetweenGroups() {
        Partition p = Partition.parse("0,1|2", 3);
        assertThat(p.groups()).isEqualTo(List.of(List.of(0, 1), List.of(2)));
        assertThat(p.toString()).isEqualTo("0,1|2");
        assertThat(Topology.MESH.liveLinks(3, p)).containsExactly(new Link(1, 0));
        assertThat(Topology.MESH.liveLinks(3, null)).hasSize(3);
        assertThat(Topology.LINE.liveLinks(4, Partition.parse("0 , 3|1,2", 4))).containsExactly(new Link(2, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0,1,2; at least two groups",
        "0,1|3; no node 3",
        "0,1|1,2; more than one group",
        "0|1; node 2 is in no group",
        "0,|1,2; empty group or node",
        "0,x|1,2; is not a node index"})
    void badPartitionsAreRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> Partition.parse(text, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
