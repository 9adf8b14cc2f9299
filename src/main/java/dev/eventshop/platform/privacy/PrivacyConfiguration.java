package dev.eventshop.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding: every person's {@link PersonalData} sealed with a data key of their own ({@link DataKeys}),
 * the data keys sealed with the master key ({@link MasterKey}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    @Bean
    DataKeys dataKeys(JdbcTemplate jdbc, PrivacyProperties properties) {
        return new DataKeys(jdbc, MasterKey.of(properties), properties.cachedKeys());
    }

    @Bean
    PersonalDataProtection personalDataProtection(DataKeys keys) {
        return new PersonalDataProtection(keys);
    }

    @Bean
    Resealing resealing(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        PersonalDataProtection protection, ObjectMapper json, PrivacyProperties properties) {
        return new Resealing(jdbc, new TransactionTemplate(transactions), protection, json,
                properties.resealBatchSize());
    }

    /** Erasures on other nodes reach this node's cache of data keys. */
    @Bean
    KeysChangedElsewhere keysChangedElsewhere(DataKeys keys) {
        return new KeysChangedElsewhere(keys);
    }

    /**
     * Axon's general serializer (snapshots, sagas, dead letters, deadlines) seals personal data too. The event
     * serializer is made in platform/axon and wrapped there.
     */
    @Bean
    static BeanPostProcessor sealPersonalDataInTheGeneralSerializer(
            ObjectProvider<PersonalDataProtection> protection) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "serializer".equals(name) && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)
                        ? new PersonalDataSerializer(serializer, protection::getObject) : bean;
            }
        };
    }
}
