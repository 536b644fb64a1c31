namespace BlazeFace.Search;

/// <summary>
/// The tiles of a tiled search over a canvas: square tiles of the finest size, then twice, four times… as large,
/// each level overlapping by the same fraction, for as long as a tile is smaller than the canvas's long side (the
/// whole canvas, searched separately, takes over from there). Enumerated without allocating.
/// </summary>
/// <remarks>
/// Along each axis a level needs n = ceil((length - tile) / (tile x (1 - overlap))) + 1 tiles; they are spread
/// evenly from one edge to the other (so the real overlap is at least the one asked for) and placed on whole
/// canvas pixels. Where the canvas is shorter than a tile, one tile spans it and is letterboxed.
/// </remarks>
internal readonly struct TilePyramid
{
    private readonly double _canvasWidth;
    private readonly double _canvasHeight;
    private readonly double _finestTile;
    private readonly double _overlap;

    /// <param name="canvasWidth">Canvas width in pixels.</param>
    /// <param name="canvasHeight">Canvas height in pixels.</param>
    /// <param name="finestTile">Side of the finest tiles; positive.</param>
    /// <param name="overlap">Overlap of neighbouring tiles as a fraction of a tile, in [0, 1).</param>
    public TilePyramid(double canvasWidth, double canvasHeight, double finestTile, double overlap)
    {
        (_canvasWidth, _canvasHeight, _finestTile, _overlap) = (canvasWidth, canvasHeight, finestTile, overlap);
    }

    /// <summary>How many tiles the pyramid holds, for sizing and for reports.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (TileWindow tile in this)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Enumerates the tiles, finest level first, row by row.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the levels and the tiles of each without allocating.</summary>
    public struct Enumerator
    {
        private readonly TilePyramid _pyramid;
        private double _tile;
        private int _columns;
        private int _rows;
        private int _index;

        internal Enumerator(TilePyramid pyramid)
        {
            _pyramid = pyramid;
            _tile = pyramid._finestTile / 2;
            _columns = 0;
            _rows = 0;
            _index = 0;
            Current = default;
        }

        /// <summary>The current tile.</summary>
        public TileWindow Current { get; private set; }

        /// <summary>Moves to the next tile, starting the next level when a level is done.</summary>
        public bool MoveNext()
        {
            if (_index >= _columns * _rows)
            {
                double next = _tile * 2;
                if (!(next < Math.Max(_pyramid._canvasWidth, _pyramid._canvasHeight)))
                {
                    return false;
                }

                _tile = next;
                _columns = TilesAlong(_pyramid._canvasWidth);
                _rows = TilesAlong(_pyramid._canvasHeight);
                _index = 0;
            }

            int column = _index % _columns;
            int row = _index / _columns;
            _index++;
            (double x, double width) = Place(column, _columns, _pyramid._canvasWidth);
            (double y, double height) = Place(row, _rows, _pyramid._canvasHeight);
            Current = new TileWindow(x, y, width, height);
            return true;
        }

        private readonly int TilesAlong(double length) =>
            length <= _tile ? 1 : (int)Math.Ceiling((length - _tile) / (_tile * (1 - _pyramid._overlap))) + 1;

        private readonly (double Start, double Length) Place(int index, int count, double length) =>
            count == 1 ? (0, Math.Min(length, _tile)) : (Math.Round((length - _tile) * index / (count - 1)), _tile);
    }
}
