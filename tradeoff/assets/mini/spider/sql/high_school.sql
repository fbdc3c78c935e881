-- high_school: teachers, courses, students and enrollments of one school year.
-- Written for the tradeoff mini benchmark; fictional content.
PRAGMA foreign_keys = ON;

CREATE TABLE teacher (
  teacher_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  subject TEXT,
  hire_year INTEGER,
  salary REAL
);

CREATE TABLE course (
  course_id INTEGER PRIMARY KEY,
  course_name TEXT NOT NULL,
  teacher_id INTEGER,
  room TEXT,
  credits INTEGER,
  FOREIGN KEY (teacher_id) REFERENCES teacher(teacher_id)
);

CREATE TABLE student (
  student_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  grade_level INTEGER,
  home_city TEXT,
  gpa REAL
);

CREATE TABLE enrollment (
  student_id INTEGER,
  course_id INTEGER,
  term TEXT,
  score INTEGER,
  PRIMARY KEY (student_id, course_id),
  FOREIGN KEY (student_id) REFERENCES student(student_id),
  FOREIGN KEY (course_id) REFERENCES course(course_id)
);

INSERT INTO teacher VALUES (1, 'Laura Bennett', 'Mathematics', 2008, 61000.0);
INSERT INTO teacher VALUES (2, 'Marcus Hill', 'Physics', 2012, 58500.0);
INSERT INTO teacher VALUES (3, 'Priya Nair', 'Chemistry', 2015, 55000.0);
INSERT INTO teacher VALUES (4, 'George Adams', 'History', 2003, 64500.0);
INSERT INTO teacher VALUES (5, 'Hannah Weiss', 'English', 2018, 51000.0);
INSERT INTO teacher VALUES (6, 'Victor Alvarez', 'Mathematics', 2020, 49500.0);
INSERT INTO teacher VALUES (7, 'Rebecca Stone', 'Biology', 2010, 59000.0);
INSERT INTO teacher VALUES (8, 'Kevin Doyle', 'Art', 2016, 50000.0);

INSERT INTO course VALUES (1, 'Algebra II', 1, 'B101', 4);
INSERT INTO course VALUES (2, 'Calculus', 1, 'B102', 5);
INSERT INTO course VALUES (3, 'Physics I', 2, 'S201', 4);
INSERT INTO course VALUES (4, 'Chemistry I', 3, 'S202', 4);
INSERT INTO course VALUES (5, 'World History', 4, 'H110', 3);
INSERT INTO course VALUES (6, 'American Literature', 5, 'H115', 3);
INSERT INTO course VALUES (7, 'Geometry', 6, 'B103', 4);
INSERT INTO course VALUES (8, 'Biology I', 7, 'S203', 4);
INSERT INTO course VALUES (9, 'Creative Writing', 5, 'H116', 2);
INSERT INTO course VALUES (10, 'Statistics', 6, 'B104', 3);

INSERT INTO student VALUES (1, 'Alice Moreno', 11, 'Oakdale', 3.8);
INSERT INTO student VALUES (2, 'Ben Carter', 10, 'Maple Grove', 3.1);
INSERT INTO student VALUES (3, 'Chloe Nguyen', 12, 'Oakdale', 3.9);
INSERT INTO student VALUES (4, 'David Kim', 9, 'Cedar Falls', 2.7);
INSERT INTO student VALUES (5, 'Ella Thompson', 11, 'Maple Grove', 3.4);
INSERT INTO student VALUES (6, 'Felix Wagner', 10, 'Oakdale', 2.9);
INSERT INTO student VALUES (7, 'Grace Lee', 12, 'Cedar Falls', 3.6);
INSERT INTO student VALUES (8, 'Henry Patel', 9, 'Maple Grove', 3.2);
INSERT INTO student VALUES (9, 'Isla Brown', 11, 'Cedar Falls', 3.0);
INSERT INTO student VALUES (10, 'James Ortiz', 12, 'Oakdale', 2.5);
INSERT INTO student VALUES (11, 'Katie Young', 10, 'Cedar Falls', 3.7);
INSERT INTO student VALUES (12, 'Leo Martins', 9, 'Oakdale', 3.3);

INSERT INTO enrollment VALUES (1, 2, 'Fall', 92);
INSERT INTO enrollment VALUES (1, 3, 'Fall', 88);
INSERT INTO enrollment VALUES (1, 6, 'Spring', 85);
INSERT INTO enrollment VALUES (2, 1, 'Fall', 74);
INSERT INTO enrollment VALUES (2, 5, 'Spring', 81);
INSERT INTO enrollment VALUES (3, 2, 'Fall', 97);
INSERT INTO enrollment VALUES (3, 4, 'Spring', 93);
INSERT INTO enrollment VALUES (3, 8, 'Fall', 90);
INSERT INTO enrollment VALUES (4, 7, 'Fall', 68);
INSERT INTO enrollment VALUES (4, 5, 'Spring', 72);
INSERT INTO enrollment VALUES (5, 1, 'Fall', 83);
INSERT INTO enrollment VALUES (5, 6, 'Spring', 88);
INSERT INTO enrollment VALUES (5, 9, 'Spring', 91);
INSERT INTO enrollment VALUES (6, 7, 'Fall', 70);
INSERT INTO enrollment VALUES (6, 3, 'Spring', 76);
INSERT INTO enrollment VALUES (7, 4, 'Fall', 89);
INSERT INTO enrollment VALUES (7, 8, 'Spring', 94);
INSERT INTO enrollment VALUES (8, 7, 'Fall', 80);
INSERT INTO enrollment VALUES (9, 5, 'Fall', 77);
INSERT INTO enrollment VALUES (9, 9, 'Spring', 84);
INSERT INTO enrollment VALUES (10, 1, 'Spring', 65);
INSERT INTO enrollment VALUES (10, 3, 'Fall', 71);
INSERT INTO enrollment VALUES (11, 8, 'Fall', 95);
INSERT INTO enrollment VALUES (11, 2, 'Spring', 87);
