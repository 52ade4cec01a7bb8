package io.tandem.adapters.in.cli;

import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * {@link UseCases} for command tests: each use case is what {@code lookup} answers for its type when that answer
 * implements it; any other use case fails the test the moment a command calls it.
 */
public final class UseCasesFixture {

    private UseCasesFixture() {
    }

    public static UseCases of(Function<Class<?>, Object> lookup) {
        return (UseCases) Proxy.newProxyInstance(UseCases.class.getClassLoader(), new Class<?>[] {UseCases.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method.getName(), args, "use cases");
                    }
                    Class<?> type = method.getReturnType();
                    Object given = lookup.apply(type);
                    return type.isInstance(given) ? given : absent(type);
                });
    }

    private static Object absent(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method.getName(), args, "absent " + type.getSimpleName());
            }
            throw new UnsupportedOperationException("this test gives no " + type.getSimpleName());
        });
    }

    private static Object objectMethod(Object proxy, String name, Object[] args, String description) {
        return switch (name) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(proxy);
            default -> proxy == args[0];
        };
    }
}
