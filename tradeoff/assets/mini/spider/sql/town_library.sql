-- town_library: a small public library (authors, books, members, loans).
-- Written for the tradeoff mini benchmark; fictional content.
PRAGMA foreign_keys = ON;

CREATE TABLE author (
  author_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  nationality TEXT,
  birth_year INTEGER
);

CREATE TABLE book (
  book_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  author_id INTEGER,
  genre TEXT,
  publication_year INTEGER,
  pages INTEGER,
  copies INTEGER,
  FOREIGN KEY (author_id) REFERENCES author(author_id)
);

CREATE TABLE member (
  member_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT,
  join_year INTEGER,
  age INTEGER
);

CREATE TABLE loan (
  loan_id INTEGER PRIMARY KEY,
  book_id INTEGER,
  member_id INTEGER,
  loan_date TEXT,
  return_date TEXT,
  fine REAL,
  FOREIGN KEY (book_id) REFERENCES book(book_id),
  FOREIGN KEY (member_id) REFERENCES member(member_id)
);

INSERT INTO author VALUES (1, 'Margaret Holloway', 'United Kingdom', 1948);
INSERT INTO author VALUES (2, 'Tomas Lindqvist', 'Sweden', 1962);
INSERT INTO author VALUES (3, 'Aiko Tanaka', 'Japan', 1975);
INSERT INTO author VALUES (4, 'Daniel Okafor', 'Nigeria', 1980);
INSERT INTO author VALUES (5, 'Claire Dubois', 'France', 1955);
INSERT INTO author VALUES (6, 'Rafael Moreno', 'Spain', 1969);
INSERT INTO author VALUES (7, 'Helen Carter', 'United States', 1983);
INSERT INTO author VALUES (8, 'Samuel Brooks', 'United States', 1951);
INSERT INTO author VALUES (9, 'Ingrid Vasquez', 'Chile', 1990);

INSERT INTO book VALUES (1, 'The Lantern Keeper', 1, 'Mystery', 1994, 312, 3);
INSERT INTO book VALUES (2, 'Winter on the Fjord', 2, 'Fiction', 2001, 280, 2);
INSERT INTO book VALUES (3, 'Paper Cranes at Dawn', 3, 'Fiction', 2010, 224, 4);
INSERT INTO book VALUES (4, 'The River Market', 4, 'Fiction', 2015, 356, 2);
INSERT INTO book VALUES (5, 'A Short History of Bridges', 8, 'History', 1999, 410, 1);
INSERT INTO book VALUES (6, 'Silent Orchard', 1, 'Mystery', 2003, 298, 2);
INSERT INTO book VALUES (7, 'The Glass Cartographer', 5, 'Fantasy', 1988, 502, 1);
INSERT INTO book VALUES (8, 'Numbers for Everyone', 7, 'Science', 2018, 240, 5);
INSERT INTO book VALUES (9, 'Shadows over Seville', 6, 'Mystery', 2008, 330, 3);
INSERT INTO book VALUES (10, 'The Quiet Engine', 7, 'Science', 2021, 198, 2);
INSERT INTO book VALUES (11, 'Harbour Lights', 2, 'Fiction', 2012, 264, 1);
INSERT INTO book VALUES (12, 'Kingdom of Salt', 5, 'Fantasy', 1996, 620, 2);
INSERT INTO book VALUES (13, 'Lagos After Rain', 4, 'Fiction', 2019, 288, 3);
INSERT INTO book VALUES (14, 'Empires of the Steppe', 8, 'History', 2005, 455, 1);
INSERT INTO book VALUES (15, 'The Tea House Letters', 3, 'Fiction', 2016, 210, 2);

INSERT INTO member VALUES (1, 'Olivia Grant', 'Springfield', 2015, 34);
INSERT INTO member VALUES (2, 'Ethan Park', 'Riverton', 2018, 27);
INSERT INTO member VALUES (3, 'Sofia Rossi', 'Springfield', 2012, 45);
INSERT INTO member VALUES (4, 'Liam Murphy', 'Lakeside', 2020, 19);
INSERT INTO member VALUES (5, 'Ava Chen', 'Riverton', 2016, 52);
INSERT INTO member VALUES (6, 'Noah Fischer', 'Springfield', 2019, 38);
INSERT INTO member VALUES (7, 'Mia Johnson', 'Lakeside', 2021, 23);
INSERT INTO member VALUES (8, 'Lucas Silva', 'Hillcrest', 2014, 61);
INSERT INTO member VALUES (9, 'Emma Novak', 'Riverton', 2022, 30);
INSERT INTO member VALUES (10, 'Jack Wilson', 'Hillcrest', 2017, 44);

INSERT INTO loan VALUES (1, 1, 1, '2023-01-05', '2023-01-19', 0.0);
INSERT INTO loan VALUES (2, 3, 2, '2023-01-12', '2023-01-30', 1.5);
INSERT INTO loan VALUES (3, 8, 3, '2023-02-02', '2023-02-16', 0.0);
INSERT INTO loan VALUES (4, 2, 1, '2023-02-10', '2023-02-24', 0.0);
INSERT INTO loan VALUES (5, 9, 5, '2023-02-21', '2023-03-14', 3.5);
INSERT INTO loan VALUES (6, 12, 6, '2023-03-03', '2023-03-17', 0.0);
INSERT INTO loan VALUES (7, 4, 2, '2023-03-15', '2023-03-29', 0.0);
INSERT INTO loan VALUES (8, 1, 8, '2023-04-01', '2023-04-20', 2.5);
INSERT INTO loan VALUES (9, 13, 10, '2023-04-11', '2023-04-25', 0.0);
INSERT INTO loan VALUES (10, 8, 4, '2023-04-18', '2023-05-02', 0.0);
INSERT INTO loan VALUES (11, 6, 3, '2023-05-06', '2023-05-27', 3.5);
INSERT INTO loan VALUES (12, 10, 7, '2023-05-20', '2023-06-03', 0.0);
INSERT INTO loan VALUES (13, 15, 5, '2023-06-02', '2023-06-16', 0.0);
INSERT INTO loan VALUES (14, 7, 8, '2023-06-14', '2023-07-08', 5.0);
INSERT INTO loan VALUES (15, 3, 6, '2023-07-01', '2023-07-15', 0.0);
INSERT INTO loan VALUES (16, 9, 1, '2023-07-19', NULL, 0.0);
INSERT INTO loan VALUES (17, 11, 3, '2023-08-04', '2023-08-18', 0.0);
INSERT INTO loan VALUES (18, 8, 10, '2023-08-22', NULL, 0.0);
INSERT INTO loan VALUES (19, 14, 5, '2023-09-09', '2023-09-30', 3.0);
INSERT INTO loan VALUES (20, 1, 6, '2023-09-25', NULL, 0.0);
INSERT INTO loan VALUES (21, 4, 5, '2023-10-02', NULL, 0.0);
