package io.github.ecsmock.internal.protocol;

import java.lang.reflect.Field;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.DefaultValueTrait;

/**
 * The cheapest way to read a member of an SDK model object that reads what
 * {@code SdkField.getValueOrDefault} reads, for the codec and the validator, which read every member
 * of every object they see. That method looks up the field's default-value trait on every call, which
 * cost a third of writing a large answer; a field without that trait reads the same through its
 * getter. And the SDK wraps each getter ({@code Task::taskArn}) in a lambda of the class that casts the
 * object; calling the wrapped getter directly spares one of two dispatches that no JIT can inline,
 * about an eighth of writing a hundred tasks.
 */
final class SdkGetters {
    private SdkGetters() {
    }

    /**
     * The getter of {@code field}, tried on {@code sample}, an object of the field's class. The wrapped
     * getter is taken only where the wrapper is such a lambda, one captured function and nothing else,
     * and where both read the same value from {@code sample}; anything else about a later SDK falls back
     * to the wrapper, then to the public method.
     */
    @SuppressWarnings("unchecked")
    static Function<Object, ?> of(SdkField<?> field, SdkPojo sample) {
        if (field.getOptionalTrait(DefaultValueTrait.class).isPresent()) {
            return field::getValueOrDefault;
        }
        Function<Object, ?> wrapper;
        try {
            Field getter = SdkField.class.getDeclaredField("getter");
            getter.setAccessible(true);
            wrapper = (Function<Object, ?>) getter.get(field);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return field::getValueOrDefault;
        }
        try {
            Field[] captured = wrapper.getClass().getDeclaredFields();
            if (wrapper.getClass().isSynthetic() && captured.length == 1 && captured[0].getType() == Function.class) {
                captured[0].setAccessible(true);
                Function<Object, ?> wrapped = (Function<Object, ?>) captured[0].get(wrapper);
                if (wrapped.apply(sample) == wrapper.apply(sample)) {
                    return wrapped;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the wrapper is not the lambda it was: read through it
        }
        return wrapper;
    }
}
