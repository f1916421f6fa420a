package dev.trustbucket.examples.review;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real database with one fault injected: its connections run every statement on the real
 * SQLite file, except that the {@code n}-th statement execution ({@code execute*}, {@code
 * addBatch}) after {@link #failAtNext} throws what the supplier gives, an {@link Error} such as {@link OutOfMemoryError}
 * included, instead of running. This is how the tests stand in for user code or the JVM failing in
 * the middle of a write, without exhausting the heap.
 */
final class FaultyDataSource implements DataSource {
  private final DataSource real;
  private final Supplier<? extends Throwable> fault;
  private final AtomicInteger executions = new AtomicInteger();
  private volatile long failAt = Long.MAX_VALUE;

  /** A data source that injects nothing until {@link #failAtNext} arms it. */
  FaultyDataSource(DataSource real, Supplier<? extends Throwable> fault) {
    this.real = real;
    this.fault = fault;
  }

  /** Makes the {@code n}-th statement execution from now (1 = the next one) throw the fault. */
  void failAtNext(int n) {
    failAt = executions.get() + (long) n;
  }

  /** How many statement executions were counted (the failing one included). */
  int executions() {
    return executions.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(real.getConnection(user, password));
  }

  private Connection wrap(Connection c) {
    return proxy(Connection.class, c, (target, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof Statement) {
        Class<?> type = method.getReturnType();
        return proxy(type, result, (st, m, a) -> {
          if ((m.getName().startsWith("execute") || m.getName().equals("addBatch"))
              && executions.incrementAndGet() == failAt) {
            throw fault.get();
          }
          return invoke(st, m, a);
        });
      }
      return result;
    });
  }

  private interface Handler {
    Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, Object target, Handler h) {
    InvocationHandler ih = (p, m, a) -> h.handle(target, m, a);
    return (T) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, ih);
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
