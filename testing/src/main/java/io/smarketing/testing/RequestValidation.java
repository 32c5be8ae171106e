package io.smarketing.testing;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import io.smarketing.chassis.money.MoneyAmount;
import io.smarketing.events.Money;

/**
 * Bean Validation of request records in plain unit tests, as the services validate them, without booting
 * Quarkus: the chassis' constraints see the platform currency given here.
 */
public final class RequestValidation {

    private final Validator validator;

    private RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /** Requests validated as a platform whose currency is {@code currencyCode} validates them. */
    public static RequestValidation inCurrency(String currencyCode) {
        Money money = Money.of(currencyCode);
        ValidatorFactory defaults = Validation.buildDefaultValidatorFactory();
        ConstraintValidatorFactory standard = defaults.getConstraintValidatorFactory();
        ConstraintValidatorFactory withMoney = new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == MoneyAmount.Check.class ? key.cast(new MoneyAmount.Check(money)) : standard.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
                standard.releaseInstance(instance);
            }
        };
        return new RequestValidation(defaults.usingContext().constraintValidatorFactory(withMoney).getValidator());
    }

    /** The fields the request breaks a rule on, in the order of their names (a field once per broken rule). */
    public List<String> brokenFields(Object request) {
        return violations(request).stream().map(violation -> violation.getPropertyPath().toString()).sorted().toList();
    }

    /** The messages of the rules the request breaks on one field. */
    public List<String> messages(Object request, String field) {
        return violations(request).stream().filter(v -> v.getPropertyPath().toString().equals(field))
                .map(ConstraintViolation::getMessage).sorted().toList();
    }

    private List<ConstraintViolation<Object>> violations(Object request) {
        return List.copyOf(validator.validate(request));
    }
}
