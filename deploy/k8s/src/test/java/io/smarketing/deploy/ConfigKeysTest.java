package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The environment-variable check accepts what a service reads and nothing else. */
class ConfigKeysTest {

    private final ConfigKeys leads = ServiceCode.of("leads-service").keys;
    private final ConfigKeys goals = ServiceCode.of("goals-service").keys;

    @Test
    void aConfigMappingMethodIsAKebabCaseKeyAndANestedInterfaceAGroup() {
        assertEquals(Optional.of("leads.follow-up-hours"), leads.keyOf("LEADS_FOLLOW_UP_HOURS"));
        assertEquals(Optional.of("leads.scoring.channel.referral"), leads.keyOf("LEADS_SCORING_CHANNEL_REFERRAL"));
        assertEquals(Optional.of("smarketing.outbox.send-timeout"), leads.keyOf("SMARKETING_OUTBOX_SEND_TIMEOUT"), "chassis' mapping");
    }

    @Test
    void configPropertyNamesAndExpressionsInAnnotationsAreKeysToo() {
        assertEquals(Optional.of("smarketing.currency"), goals.keyOf("SMARKETING_CURRENCY"));
        assertEquals(Optional.of("goals.evaluation-interval"), goals.keyOf("GOALS_EVALUATION_INTERVAL"), "a @Scheduled expression");
    }

    @Test
    void kafkaVariablesMustNameAKafkaClientProperty() {
        assertEquals(Optional.of("kafka.sasl.jaas.config"), leads.keyOf("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals(Optional.empty(), leads.keyOf("KAFKA_SASL_JASS_CONFIG"));
    }

    @Test
    void logCategoriesMapFromDoubleUnderscores() {
        assertEquals(Optional.of("quarkus.log.category.\"io.smarketing\".level"), leads.keyOf("QUARKUS_LOG_CATEGORY__IO_SMARKETING__LEVEL"));
    }

    @Test
    void aVariableNoCodeReadsIsRejected() {
        assertEquals(Optional.empty(), leads.keyOf("LEADS_FOLLOWUP_HOURS"), "a typo");
        assertEquals(Optional.empty(), leads.keyOf("GOALS_STREAM_HEARTBEAT"), "another service's key");
        assertEquals(Optional.empty(), leads.keyOf("JAVA_OPTS"), "not configuration of the application");
    }
}
