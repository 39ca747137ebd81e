// The seat map is one Tab stop: the arrow keys move between its seats (taken ones included, so every seat can be
// read out), Enter or Space picks the focused seat, and Tab leaves the map.
document.addEventListener('keydown', event => {
  const seat = event.target.closest?.('.seat-map button.seat');
  if (!seat || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
  const seats = [...document.querySelectorAll('.seat-map button.seat')];
  const row = seats.filter(s => s.dataset.row === seat.dataset.row);
  let next;
  if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    next = row[row.indexOf(seat) + (event.key === 'ArrowRight' ? 1 : -1)];
  } else {
    const rows = [...new Set(seats.map(s => s.dataset.row))];
    const target = rows[rows.indexOf(seat.dataset.row) + (event.key === 'ArrowDown' ? 1 : -1)];
    const letter = seat.dataset.seat.slice(-1);
    const candidates = seats.filter(s => s.dataset.row === target);
    next = candidates.find(s => s.dataset.seat.endsWith(letter)) ?? candidates[Math.min(row.indexOf(seat), candidates.length - 1)];
  }
  if (next) {
    next.focus();
    event.preventDefault();
  }
});

// Roving Tab stop: the seat last focused is where Tab comes back to.
document.addEventListener('focusin', event => {
  const seat = event.target.closest?.('.seat-map button.seat');
  if (!seat) return;
  for (const other of document.querySelectorAll('.seat-map button.seat[tabindex="0"]')) other.tabIndex = -1;
  seat.tabIndex = 0;
});
