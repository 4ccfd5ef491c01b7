using System.Runtime.InteropServices;

namespace Mlops.Core.Registry;

/// <summary>
/// The files of a model folder: regular files only. A symbolic link would let <c>registry add</c>
/// copy whatever it points to (a key, another model) into the registry; a FIFO would hang the hash;
/// a device or socket is no model. Either is refused with one line naming the entry.
/// </summary>
internal static class ModelFolderFiles
{
    /// <summary>Every regular file below <paramref name="folder"/>, without following any link.</summary>
    public static IReadOnlyList<string> Of(string folder)
    {
        var files = new List<string>();
        Walk(new DirectoryInfo(folder), folder, files);
        return files;
    }

    private static void Walk(DirectoryInfo directory, string root, List<string> files)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is { } target)
            {
                throw new InvalidModelFolderException(
                    $"{root}: {Path.GetRelativePath(root, entry.FullName)} is a symbolic link (to {Excerpt.Quote(target)}); a model folder holds regular files only: copy the file in");
            }

            if (entry is DirectoryInfo subfolder)
            {
                Walk(subfolder, root, files);
            }
            else if (IsSpecial(entry.FullName))
            {
                throw new InvalidModelFolderException(
                    $"{root}: {Path.GetRelativePath(root, entry.FullName)} is not a regular file (a pipe, socket or device); a model folder holds regular files only");
            }
            else
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>
    /// Whether the entry is a pipe, socket or device. .NET shows those as plain files (attributes
    /// <c>Normal</c>, length 0), so this asks lstat(2) through the runtime's own native shim, whose
    /// FileStatus starts with <c>int Flags; int Mode</c>.
    /// </summary>
    private static bool IsSpecial(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var status = new byte[512];
        if (NativeMethods.LStat(path, status) != 0)
        {
            return false;
        }

        const int TypeMask = 0xF000;
        const int Regular = 0x8000;
        return (BitConverter.ToInt32(status, 4) & TypeMask) != Regular;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}
