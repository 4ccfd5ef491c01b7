using System.Globalization;
using System.Text;

namespace Mlops.Core.Data;

/// <summary>Writes the seed's CSV format with the correct spelling <c>emergency_braking</c>.</summary>
public static class InsuranceCsvWriter
{
    public static void WriteFile(string path, InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write to a temporary file first so a reader never sees half a dataset.
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
        {
            Write(writer, dataset);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(TextWriter writer, InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        writer.NewLine = "\n";

        // Production rows have no ground truth yet: such a file has only the feature columns.
        var labeled = dataset.IsLabeled;
        writer.WriteLine(labeled ? InsuranceCsvFormat.HeaderLine : string.Join(InsuranceCsvFormat.Separator, Feature.All.Select(f => f.Name)));
        foreach (var record in dataset.Records)
        {
            WriteRow(writer, record, labeled);
        }
    }

    private static void WriteRow(TextWriter writer, InsuranceRecord record, bool labeled)
    {
        // Formatting into a stack buffer keeps writing 55,000 rows free of per-value strings.
        Span<char> line = stackalloc char[256];
        var f = record.Features;
        var length = 0;
        // The features in the problem file's order; a binary one reads 0 or 1, which "R" writes as "0"/"1".
        foreach (var feature in Feature.All)
        {
            Append(line, ref length, feature.ValueOf(f));
        }

        if (labeled)
        {
            var group = record.Group!.Value;
            if (record.Risk is { } risk)
            {
                Append(line, ref length, risk);
            }
            else
            {
                line[length++] = InsuranceCsvFormat.Separator;
            }

            group.Name().AsSpan().CopyTo(line[length..]);
            length += group.Name().Length;
            line[length++] = InsuranceCsvFormat.Separator;
            Append(line, ref length, (int)group);
        }

        // Every value appended a separator; the last one becomes the line end.
        line[length - 1] = '\n';
        writer.Write(line[..length]);
    }

    private static void Append(Span<char> line, ref int length, double value)
    {
        value.TryFormat(line[length..], out var written, "R", CultureInfo.InvariantCulture);
        length += written;
        line[length++] = InsuranceCsvFormat.Separator;
    }

    private static void Append(Span<char> line, ref int length, int value)
    {
        value.TryFormat(line[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        line[length++] = InsuranceCsvFormat.Separator;
    }
}
