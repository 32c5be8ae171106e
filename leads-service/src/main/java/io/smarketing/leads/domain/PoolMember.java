package io.smarketing.leads.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sales rep in a routing rule's pool: their capacity, and when the rule last gave them a lead. */
@Entity
@Table(name = "routing_pool_member")
public class PoolMember {

    @Id
    private UUID id;
    @Column(name = "rep_id")
    private String repId;
    private int capacity;
    private int position;
    /** The {@code routing_turn} value of this rep's last lead from the rule; null before the first. */
    @Column(name = "last_turn")
    private Long lastTurn;

    protected PoolMember() {
    }

    static PoolMember of(String repId, int capacity, int position) {
        PoolMember member = new PoolMember();
        member.id = UUID.randomUUID();
        member.repId = repId;
        member.capacity = capacity;
        member.position = position;
        return member;
    }

    void update(int newCapacity, int newPosition) {
        capacity = newCapacity;
        position = newPosition;
    }

    /** The rule gave this rep a lead at {@code turn}: they go to the back of the rotation. */
    public void tookTurn(long turn) {
        lastTurn = turn;
    }

    public String repId() {
        return repId;
    }

    public int capacity() {
        return capacity;
    }

    public int position() {
        return position;
    }

    public Long lastTurn() {
        return lastTurn;
    }
}
