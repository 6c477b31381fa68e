using System.Net.Sockets;

namespace ComparisonSite.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for servers a test starts.</summary>
internal static class Loopback
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
