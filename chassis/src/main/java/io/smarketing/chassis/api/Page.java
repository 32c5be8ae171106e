package io.smarketing.chassis.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list endpoint: {@code {items, total, page, size}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** One page of a Panache query, with the total count of its rows. */
    public static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count(), page, size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
