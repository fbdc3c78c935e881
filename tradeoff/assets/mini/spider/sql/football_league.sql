-- football_league: one season of a small regional football league.
-- Written for the tradeoff mini benchmark; fictional clubs and people.
PRAGMA foreign_keys = ON;

CREATE TABLE club (
  club_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT,
  founded INTEGER,
  stadium TEXT,
  capacity INTEGER
);

CREATE TABLE player (
  player_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  club_id INTEGER,
  position TEXT,
  age INTEGER,
  nationality TEXT,
  goals INTEGER,
  FOREIGN KEY (club_id) REFERENCES club(club_id)
);

CREATE TABLE coach (
  coach_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  club_id INTEGER,
  age INTEGER,
  start_year INTEGER,
  FOREIGN KEY (club_id) REFERENCES club(club_id)
);

CREATE TABLE game (
  game_id INTEGER PRIMARY KEY,
  home_club_id INTEGER,
  away_club_id INTEGER,
  game_date TEXT,
  home_goals INTEGER,
  away_goals INTEGER,
  attendance INTEGER,
  FOREIGN KEY (home_club_id) REFERENCES club(club_id),
  FOREIGN KEY (away_club_id) REFERENCES club(club_id)
);

INSERT INTO club VALUES (1, 'Harbor City FC', 'Harbor City', 1902, 'Dockside Park', 32000);
INSERT INTO club VALUES (2, 'Northfield United', 'Northfield', 1919, 'Crown Ground', 18500);
INSERT INTO club VALUES (3, 'Redmoor Athletic', 'Redmoor', 1887, 'Moorland Stadium', 24000);
INSERT INTO club VALUES (4, 'Eastbridge Rovers', 'Eastbridge', 1923, 'Bridge Road', 15000);
INSERT INTO club VALUES (5, 'Westvale Town', 'Westvale', 1948, 'Vale Arena', 21000);
INSERT INTO club VALUES (6, 'Kingsport Albion', 'Kingsport', 1895, 'Albion Lane', 27500);

INSERT INTO player VALUES (1, 'Tom Ashworth', 1, 'Forward', 27, 'England', 14);
INSERT INTO player VALUES (2, 'Luis Ferreira', 1, 'Midfielder', 24, 'Portugal', 5);
INSERT INTO player VALUES (3, 'Kwame Mensah', 1, 'Defender', 29, 'Ghana', 1);
INSERT INTO player VALUES (4, 'Jonas Berg', 2, 'Goalkeeper', 31, 'Norway', 0);
INSERT INTO player VALUES (5, 'Callum Reid', 2, 'Forward', 22, 'Scotland', 9);
INSERT INTO player VALUES (6, 'Pierre Lambert', 2, 'Midfielder', 26, 'France', 4);
INSERT INTO player VALUES (7, 'Dan Whitaker', 3, 'Forward', 30, 'England', 11);
INSERT INTO player VALUES (8, 'Mateo Rojas', 3, 'Midfielder', 21, 'Argentina', 6);
INSERT INTO player VALUES (9, 'Erik Jansen', 3, 'Defender', 33, 'Netherlands', 2);
INSERT INTO player VALUES (10, 'Sam Doherty', 4, 'Forward', 25, 'Ireland', 7);
INSERT INTO player VALUES (11, 'Yusuf Demir', 4, 'Midfielder', 23, 'Turkey', 3);
INSERT INTO player VALUES (12, 'Owen Price', 4, 'Goalkeeper', 28, 'Wales', 0);
INSERT INTO player VALUES (13, 'Marco Bellini', 5, 'Forward', 32, 'Italy', 12);
INSERT INTO player VALUES (14, 'Ryan Foster', 5, 'Defender', 20, 'England', 1);
INSERT INTO player VALUES (15, 'Lukas Weber', 5, 'Midfielder', 27, 'Germany', 5);
INSERT INTO player VALUES (16, 'Andre Santos', 6, 'Forward', 26, 'Brazil', 8);
INSERT INTO player VALUES (17, 'Ben Hartley', 6, 'Goalkeeper', 34, 'England', 0);
INSERT INTO player VALUES (18, 'Nikola Petrov', 6, 'Defender', 29, 'Bulgaria', 2);
INSERT INTO player VALUES (19, 'Jamie Cole', 1, 'Goalkeeper', 24, 'England', 0);
INSERT INTO player VALUES (20, 'Hugo Martin', 3, 'Goalkeeper', 27, 'France', 0);

INSERT INTO coach VALUES (1, 'Alan Pearce', 1, 54, 2019);
INSERT INTO coach VALUES (2, 'Stefan Koller', 2, 47, 2021);
INSERT INTO coach VALUES (3, 'Martin Greaves', 3, 61, 2015);
INSERT INTO coach VALUES (4, 'Diego Salvat', 4, 42, 2022);
INSERT INTO coach VALUES (5, 'Paul Renshaw', 5, 50, 2018);
INSERT INTO coach VALUES (6, 'Fiona Marsh', 6, 45, 2020);

INSERT INTO game VALUES (1, 1, 2, '2023-08-12', 2, 1, 28500);
INSERT INTO game VALUES (2, 3, 4, '2023-08-12', 0, 0, 19800);
INSERT INTO game VALUES (3, 5, 6, '2023-08-13', 1, 3, 17400);
INSERT INTO game VALUES (4, 2, 3, '2023-08-19', 2, 2, 16200);
INSERT INTO game VALUES (5, 4, 5, '2023-08-19', 1, 0, 13900);
INSERT INTO game VALUES (6, 6, 1, '2023-08-20', 1, 1, 25100);
INSERT INTO game VALUES (7, 1, 3, '2023-08-26', 3, 0, 30200);
INSERT INTO game VALUES (8, 2, 5, '2023-08-26', 0, 1, 15800);
INSERT INTO game VALUES (9, 4, 6, '2023-08-27', 2, 3, 14300);
INSERT INTO game VALUES (10, 3, 5, '2023-09-02', 1, 2, 21700);
INSERT INTO game VALUES (11, 6, 2, '2023-09-02', 4, 1, 26300);
INSERT INTO game VALUES (12, 5, 1, '2023-09-03', 0, 2, 20500);
