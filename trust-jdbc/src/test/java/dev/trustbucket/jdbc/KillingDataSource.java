package dev.trustbucket.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL data source that kills one connection in the middle of a write: the first
 * time the store calls the method the trigger picks (with its SQL, if any), an admin connection
 * terminates that connection's backend with {@code pg_terminate_backend}, then the call goes on to
 * the dead connection. After that, connections are left alone.
 */
final class KillingDataSource implements DataSource {
  private final DataSource target;
  private final BiPredicate<String, String> trigger;
  private final AtomicBoolean fired = new AtomicBoolean();

  /**
   * @param target the real database
   * @param trigger given a method name and its SQL argument (or ""), says when to kill
   */
  KillingDataSource(DataSource target, BiPredicate<String, String> trigger) {
    this.target = target;
    this.trigger = trigger;
  }

  boolean fired() {
    return fired.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = target.getConnection();
    if (fired.get()) {
      return real;
    }
    int pid;
    try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    InvocationHandler handler = (proxy, method, args) -> {
      String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : "";
      if (!fired.get() && trigger.test(method.getName(), sql)) {
        fired.set(true);
        try (Connection admin = target.getConnection(); Statement s = admin.createStatement()) {
          s.execute("SELECT pg_terminate_backend(" + pid + ")");
        }
        Thread.sleep(200); // let the server close the socket
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not supported");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
