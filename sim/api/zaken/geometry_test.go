package zaken

import "testing"

func TestGeometryContains(t *testing.T) {
	// A 10x10 square with a 2x2 hole, and a second square further east.
	g, err := parseGeometry([]byte(`{"type":"MultiPolygon","coordinates":[
		[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]],
		[[[20,0],[22,0],[22,2],[20,2],[20,0]]]]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		x, y float64
		in   bool
	}{
		{1, 1, true}, {5, 5, false}, {3, 5, true}, {21, 1, true}, {15, 1, false}, {-1, 5, false}, {5, 11, false},
	} {
		if got := g.contains(c.x, c.y); got != c.in {
			t.Errorf("contains(%v, %v) = %v, want %v", c.x, c.y, got, c.in)
		}
	}
	for _, bad := range []string{`{"type":"Point","coordinates":[1,2]}`, `{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}`,
		`{"type":"Polygon","coordinates":"x"}`, `[]`} {
		if _, err := parseGeometry([]byte(bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
