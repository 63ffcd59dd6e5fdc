package zaken

import (
	"encoding/json"
	"errors"
)

// geometry is the search area of zaakgeometrie.within: one or more polygons
// (each an outer ring followed by holes), in GeoJSON (longitude, latitude)
// order.
type geometry struct {
	polygons [][][][2]float64
}

// parseGeometry reads a GeoJSON Polygon or MultiPolygon.
func parseGeometry(raw json.RawMessage) (*geometry, error) {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, errors.New("Ongeldige GeoJSON.")
	}
	out := &geometry{}
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return nil, errors.New("Ongeldige coördinaten.")
		}
		out.polygons = append(out.polygons, p)
	case "MultiPolygon":
		var mp [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &mp); err != nil {
			return nil, errors.New("Ongeldige coördinaten.")
		}
		out.polygons = mp
	default:
		return nil, errors.New("Alleen Polygon en MultiPolygon worden ondersteund als zoekgebied.")
	}
	for _, p := range out.polygons {
		if len(p) == 0 || len(p[0]) < 4 {
			return nil, errors.New("Een polygoon heeft een gesloten ring van minstens vier punten nodig.")
		}
	}
	return out, nil
}

// contains reports whether the point lies inside the area (inside an outer
// ring and outside that polygon's holes).
func (g *geometry) contains(lon, lat float64) bool {
	for _, p := range g.polygons {
		if !inRing(p[0], lon, lat) {
			continue
		}
		inHole := false
		for _, hole := range p[1:] {
			if inRing(hole, lon, lat) {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

// inRing is the even-odd ray casting test.
func inRing(ring [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		xi, yi := ring[i][0], ring[i][1]
		xj, yj := ring[j][0], ring[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}
