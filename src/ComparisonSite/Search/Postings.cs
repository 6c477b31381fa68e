namespace ComparisonSite.Search;

/// <summary>
/// One word's postings in an <see cref="IndexSegment"/>: for each section that has the word, in section order, the
/// gap from the previous section, how often the word stands in the section's text and how often in its heading.
/// Variable-length integers, so the usual posting (a near section, once or twice, not in the heading) takes two
/// bytes: an index of ten thousand comparisons holds tens of millions of them.
/// </summary>
internal static class Postings
{
    /// <summary>A word's postings being written, section by section in ascending order.</summary>
    internal sealed class Writer
    {
        private byte[] _bytes = new byte[8];
        private int _length;
        private int _lastSection = -1;

        public void Add(int section, int inBody, int inHeading)
        {
            Write((uint)(section - _lastSection));
            Write(((uint)inBody << 1) | (inHeading > 0 ? 1u : 0u));
            if (inHeading > 0)
            {
                Write((uint)inHeading);
            }

            _lastSection = section;
        }

        public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

        private void Write(uint value)
        {
            if (_length + 5 > _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            while (value >= 0x80)
            {
                _bytes[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _bytes[_length++] = (byte)value;
        }
    }

    /// <summary>Reads postings written by <see cref="Writer"/>.</summary>
    internal ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;
        private int _section = -1;

        public bool Next(out int section, out int inBody, out int inHeading)
        {
            if (_at >= _bytes.Length)
            {
                section = inBody = inHeading = 0;
                return false;
            }

            _section += (int)Read();
            var counts = Read();
            section = _section;
            inBody = (int)(counts >> 1);
            inHeading = (counts & 1) == 1 ? (int)Read() : 0;
            return true;
        }

        private uint Read()
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = _bytes[_at++];
                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            return value;
        }
    }
}
