using System.Runtime.InteropServices;
using System.Text;

namespace ComparisonSite.Files;

/// <summary>The kinds of directory entry Unix has; .NET reports a FIFO or a device as an ordinary file.</summary>
internal enum UnixFileType
{
    Missing,
    Unknown,
    RegularFile,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// A file's type from the kernel without opening it (opening a FIFO blocks until someone writes to it).
/// .NET has no public API for it, so this asks Linux's statx, whose buffer layout is the same on every
/// architecture (linux/stat.h); elsewhere it answers <see cref="UnixFileType.Unknown"/>.
/// </summary>
internal static class UnixFileTypes
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferBytes = 256;
    private const int ModeOffset = 28;

    /// <summary>The type of what <paramref name="path"/> names, following symbolic links.</summary>
    public static UnixFileType Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return UnixFileType.Unknown;
        }

        var buffer = new byte[StatxBufferBytes];
        var name = Encoding.UTF8.GetBytes(path + '\0');
        int result;
        try
        {
            result = Statx(AtCurrentDirectory, name, 0, StatxType, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            return UnixFileType.Unknown; // a C library older than glibc 2.28
        }

        if (result != 0)
        {
            return UnixFileType.Missing;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & 0xF000) switch
        {
            0x8000 => UnixFileType.RegularFile,
            0x4000 => UnixFileType.Directory,
            0x1000 => UnixFileType.Fifo,
            0x2000 => UnixFileType.CharacterDevice,
            0x6000 => UnixFileType.BlockDevice,
            0xC000 => UnixFileType.Socket,
            _ => UnixFileType.Unknown,
        };
    }

    // Bytes in and out, so the call needs no marshalling code (and no unsafe blocks).
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
