package io.smarketing.chassis.money;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.smarketing.events.Money;

/**
 * A request field that is an amount of money: it must fit the platform currency exactly and stay below the
 * platform's money limit ({@link Money#problemWith}), or it is a 422 on the field saying which. Null is left to
 * {@code @NotNull}, the sign to {@code @DecimalMin}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Constraint(validatedBy = MoneyAmount.Check.class)
public @interface MoneyAmount {

    String message() default "must be an amount of the platform currency";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean, so that it reads the platform currency; it keeps no state of its own. */
    @Singleton
    class Check implements ConstraintValidator<MoneyAmount, BigDecimal> {

        private final Money money;

        public Check(Money money) {
            this.money = money;
        }

        @Override
        public boolean isValid(BigDecimal amount, ConstraintValidatorContext context) {
            if (amount == null) {
                return true;
            }
            return money.problemWith(amount).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem)
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
