package io.tandem.adapters.in.cli;

import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Function;

/**
 * {@link UseCases} for command tests: each use case is what {@code lookup} answers for its type when that answer
 * implements it; any other use case fails the test the moment a command calls it.
 */
public final class UseCasesFixture {

    private UseCasesFixture() {
    }

    public static UseCases of(Function<Class<?>, Object> lookup) {
        RecordComponent[] components = UseCases.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
            Class<?> type = components[c].getType();
            Object given = lookup.apply(type);
            values[c] = type.isInstance(given) ? given : absent(type);
        }
        try {
            return UseCases.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object absent(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "absent " + type.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new UnsupportedOperationException("this test gives no " + type.getSimpleName());
        });
    }
}
