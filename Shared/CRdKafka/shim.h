#ifndef ASN_CRDKAFKA_SHIM_H
#define ASN_CRDKAFKA_SHIM_H

// Swift view of librdkafka. We compile against Debian 12's librdkafka-dev (2.0.2) headers and only use
// APIs present there; at run time any newer librdkafka.so.1 (the ABI is stable) may be loaded instead.
#include <librdkafka/rdkafka.h>

/// Enqueues one message (key and value are copied, `headers` is owned by librdkafka on success only).
/// A typed wrapper around the variadic rd_kafka_producev(), which Swift cannot call.
/// `key` may be NULL (no key); `headers` may be NULL; `partition` is RD_KAFKA_PARTITION_UA (-1) to let the
/// configured partitioner choose from the key.
static inline rd_kafka_resp_err_t asn_rd_kafka_produce(rd_kafka_t *rk,
                                                       const char *topic,
                                                       int32_t partition,
                                                       const void *key,
                                                       size_t key_len,
                                                       const void *value,
                                                       size_t value_len,
                                                       rd_kafka_headers_t *headers,
                                                       void *opaque) {
        if (headers != NULL) {
                return rd_kafka_producev(rk,
                                         RD_KAFKA_V_TOPIC(topic),
                                         RD_KAFKA_V_PARTITION(partition),
                                         RD_KAFKA_V_KEY(key, key_len),
                                         RD_KAFKA_V_VALUE((void *)value, value_len),
                                         RD_KAFKA_V_HEADERS(headers),
                                         RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                         RD_KAFKA_V_OPAQUE(opaque),
                                         RD_KAFKA_V_END);
        }
        return rd_kafka_producev(rk,
                                 RD_KAFKA_V_TOPIC(topic),
                                 RD_KAFKA_V_PARTITION(partition),
                                 RD_KAFKA_V_KEY(key, key_len),
                                 RD_KAFKA_V_VALUE((void *)value, value_len),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_OPAQUE(opaque),
                                 RD_KAFKA_V_END);
}

#endif
